package dev.apphost.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The names the sources of a compilation select from {@code Projects}: {@code Projects.ApiService}
 * (also qualified, {@code demo.Projects.ApiService}, and in imports) gives {@code ApiService}.
 * {@code Projects} then declares nested classes for those modules only, because javac pays for
 * every type it parses, whether used or not. Javac's tree API only: {@link #find} answers
 * {@code null} (meaning "all modules") when it is not available (another compiler, an IDE) or when
 * a source imports {@code Projects.*}, whose members cannot be told apart from other names.
 *
 * <p>Usage: {@code Set<String> names = ProjectReferences.find(processingEnv, round.getRootElements());}
 */
final class ProjectReferences {

    private ProjectReferences() {
    }

    /**
     * The member names selected from {@code Projects} in the compilation units of {@code roots},
     * sorted; {@code null} when every module must be generated.
     */
    static Set<String> find(ProcessingEnvironment env, Collection<? extends Element> roots) {
        Trees trees;
        try {
            trees = Trees.instance(env);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        Map<CompilationUnitTree, Boolean> units = new IdentityHashMap<>();
        for (Element root : roots) {
            TreePath path = trees.getPath(root);
            if (path != null) {
                units.put(path.getCompilationUnit(), Boolean.TRUE);
            } else if (root instanceof TypeElement) {
                return null; // a type without a source tree: cannot see what it uses
            }
        }
        Finder finder = new Finder();
        for (CompilationUnitTree unit : units.keySet()) {
            unit.accept(finder, null);
        }
        return finder.all ? null : finder.names;
    }

    private static final class Finder extends TreeScanner<Void, Void> {
        private final Set<String> names = new TreeSet<>();
        private boolean all;

        @Override
        public Void visitMemberSelect(MemberSelectTree select, Void unused) {
            if (isProjects(select.getExpression())) {
                String name = select.getIdentifier().toString();
                if (name.equals("*")) {
                    all = true;
                } else {
                    names.add(name);
                }
            }
            return super.visitMemberSelect(select, unused);
        }

        private static boolean isProjects(Tree tree) {
            String name = tree instanceof IdentifierTree id ? id.getName().toString()
                    : tree instanceof MemberSelectTree select ? select.getIdentifier().toString()
                    : null;
            return ProjectsSourceGenerator.CLASS_NAME.equals(name);
        }
    }
}
