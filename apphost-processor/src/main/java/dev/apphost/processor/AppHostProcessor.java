package dev.apphost.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * Generates {@code Projects} for the {@code @AppHost} class of a compilation. A thin adapter: the
 * work is done by {@link ReactorScanner}, {@link ProjectNames} and {@link ProjectsSourceGenerator};
 * this class finds the module, reads {@code @AppHost}, writes the file and reports problems. It
 * never throws into javac and never claims the annotation.
 */
@AutoService(Processor.class)
public final class AppHostProcessor extends AbstractProcessor {

    /** Qualified name of {@code @AppHost} (the processor does not link against it). */
    public static final String APPHOST = "dev.apphost.annotations.AppHost";

    private Element appHost;
    /** Names of the nested classes written, in the referenced mode; null otherwise. */
    private Set<String> declared;
    /** Names of all runnable modules, in the referenced mode. */
    private Set<String> runnable;
    private ReferencedNames remembered;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(APPHOST);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return AppHostOptions.ALL;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            return false;
        }
        if (annotations.isEmpty()) {
            checkLateReferences(round);
            return false;
        }
        Reporter reporter = new Reporter(processingEnv.getMessager());
        for (TypeElement annotation : annotations) {
            if (!annotation.getQualifiedName().contentEquals(APPHOST)) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                AnnotationMirror mirror = mirror(element);
                if (appHost != null) {
                    reporter.report(Message.DUPLICATE_APPHOST, element, mirror, name(appHost));
                    continue;
                }
                appHost = element;
                try {
                    generate(element, mirror, reporter, round);
                } catch (RuntimeException | LinkageError e) {
                    reporter.report(Message.INTERNAL_ERROR, element, mirror, String.valueOf(e));
                }
            }
        }
        return false;
    }

    private void generate(Element element, AnnotationMirror mirror, Reporter reporter, RoundEnvironment round) {
        Map<String, String> options = processingEnv.getOptions();
        try {
            Timing timing = new Timing();
            Boolean allProjects = allProjects(options);
            Path modulePom = modulePom(element, options);
            if (modulePom == null) {
                reporter.report(Message.MODULE_UNKNOWN, element, mirror);
                return;
            }
            Path reactorRoot = pathOption(options, AppHostOptions.REACTOR_ROOT);
            timing.mark("module");
            PomCache cache = pomCache(modulePom);
            timing.mark("cacheload");
            Reactor reactor = new ReactorScanner(cache).scan(modulePom, reactorRoot);
            timing.mark("scan");
            cache.save();
            timing.mark("cachesave");
            for (Problem warning : reactor.warnings()) {
                reporter.report(warning, element, mirror);
            }
            Set<String> exclude = exclude(mirror);
            for (String unknown : reactor.unknownExcludes(exclude)) {
                reporter.report(Message.UNKNOWN_EXCLUDE, element, mirror, unknown, reactor.rootPom());
            }
            ProjectNames.Result names = ProjectNames.assign(reactor.runnableModules(exclude));
            for (Problem problem : names.problems()) {
                reporter.report(problem, element, mirror);
            }
            if (names.hasErrors()) {
                return;
            }
            if (names.projects().isEmpty()) {
                reporter.report(Message.NO_RUNNABLE_MODULES, element, mirror, reactor.rootPom());
            }
            timing.mark("names");
            String packageName = processingEnv.getElementUtils().getPackageOf(element)
                    .getQualifiedName().toString();
            boolean generatedAvailable = processingEnv.getElementUtils()
                    .getTypeElement(ProjectsSourceGenerator.GENERATED) != null;
            boolean all = allProjects != null ? allProjects : names.projects().size() <= AppHostOptions.AUTO_ALL_LIMIT;
            List<NamedProject> projects = all ? names.projects() : declared(names.projects(), round);
            timing.mark("references");
            String source = new ProjectsSourceGenerator(generatedAvailable)
                    .generate(packageName, name(element), projects);
            timing.mark("generate");
            String qualified = packageName.isEmpty() ? ProjectsSourceGenerator.CLASS_NAME
                    : packageName + "." + ProjectsSourceGenerator.CLASS_NAME;
            try (Writer writer = processingEnv.getFiler().createSourceFile(qualified, element).openWriter()) {
                writer.write(source);
            }
            timing.mark("source");
            FileObject table = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, packageName,
                    ProjectsSourceGenerator.TABLE_NAME, element);
            try (Writer writer = new OutputStreamWriter(table.openOutputStream(), StandardCharsets.UTF_8)) {
                writer.write(new ProjectsSourceGenerator(generatedAvailable)
                        .table(reactor.appHostPom().getParent(), names.projects()));
            }
            timing.mark("table");
        } catch (ReactorException e) {
            reporter.report(e.problem(), element, mirror);
        } catch (FilerException e) {
            reporter.report(Message.WRITE_FAILED, element, mirror, e.getMessage());
        } catch (IOException e) {
            reporter.report(Message.WRITE_FAILED, element, mirror, String.valueOf(e));
        }
    }

    /**
     * The pom of the module being compiled: from {@code -Aapphost.moduleDir}, else walking up from
     * the {@code @AppHost} source file, the class output folder or the source output folder, the
     * first of them that is a folder on disk. Null when none is.
     */
    private Path modulePom(Element element, Map<String, String> options) throws ReactorException {
        ReactorScanner scanner = new ReactorScanner();
        Path dir = pathOption(options, AppHostOptions.MODULE_DIR);
        if (dir != null) {
            if (!Files.isDirectory(dir)) {
                throw new ReactorException(Problem.of(Message.BAD_OPTION,
                        AppHostOptions.MODULE_DIR, options.get(AppHostOptions.MODULE_DIR), "not a folder"));
            }
            return scanner.findModulePom(dir);
        }
        List<Supplier<URI>> starts = List.of(
                () -> sourceFile(element),
                () -> outputFolder(StandardLocation.CLASS_OUTPUT),
                () -> outputFolder(StandardLocation.SOURCE_OUTPUT));
        ReactorException first = null;
        for (Supplier<URI> start : starts) {
            Path folder = folderOf(start.get());
            if (folder == null) {
                continue;
            }
            try {
                return scanner.findModulePom(folder);
            } catch (ReactorException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return null;
    }

    /** {@code true}: all, {@code false}: the named ones, {@code null}: decided by the reactor's size. */
    private static Boolean allProjects(Map<String, String> options) throws ReactorException {
        String value = options.getOrDefault(AppHostOptions.PROJECTS, AppHostOptions.PROJECTS_AUTO).trim();
        if (value.equals(AppHostOptions.PROJECTS_ALL)) {
            return true;
        }
        if (value.equals(AppHostOptions.PROJECTS_REFERENCED)) {
            return false;
        }
        if (value.equals(AppHostOptions.PROJECTS_AUTO) || value.isEmpty()) {
            return null;
        }
        throw new ReactorException(Problem.of(Message.BAD_OPTION, AppHostOptions.PROJECTS, value,
                "expected " + AppHostOptions.PROJECTS_AUTO + ", " + AppHostOptions.PROJECTS_REFERENCED + " or "
                        + AppHostOptions.PROJECTS_ALL));
    }

    /**
     * The projects that get a nested class in the referenced mode: those the round's sources name
     * and those declared by the previous builds ({@link ReferencedNames}); all of them when the
     * sources cannot be read ({@link ProjectReferences}). Remembers the choice for later rounds.
     */
    private List<NamedProject> declared(List<NamedProject> projects, RoundEnvironment round) {
        Set<String> referenced = ProjectReferences.find(processingEnv, round.getRootElements());
        if (referenced == null) {
            return projects;
        }
        remembered = ReferencedNames.load(namesFile());
        referenced.addAll(remembered.names());
        List<NamedProject> result = new ArrayList<>();
        declared = new HashSet<>();
        runnable = new HashSet<>();
        for (NamedProject project : projects) {
            runnable.add(project.name());
            if (referenced.contains(project.name())) {
                result.add(project);
                declared.add(project.name());
            }
        }
        remembered.save(declared);
        return result;
    }

    /**
     * The pom cache: in the user's {@code ~/.apphost/cache} (one file per AppHost module, so that
     * {@code mvn clean} does not empty it), else beside the class output folder
     * ({@code target/apphost/processor-poms.tsv} for {@code target/classes}, never packaged); none when
     * neither can be written.
     */
    private PomCache pomCache(Path modulePom) {
        Path user = PomCache.userFile(modulePom);
        if (user != null) {
            return PomCache.load(user);
        }
        Path folder = apphostFolder();
        return folder == null ? PomCache.none() : PomCache.load(folder.resolve("processor-poms.tsv"));
    }

    /** {@code target/apphost/processor-names-classes.txt} for {@code target/classes}; null when the output is no folder. */
    private Path namesFile() {
        Path folder = apphostFolder();
        Path classes = folder == null ? null : folderOf(outputFolder(StandardLocation.CLASS_OUTPUT));
        return folder == null ? null : folder.resolve("processor-names-" + classes.getFileName() + ".txt");
    }

    /** {@code apphost} beside the class output folder ({@code target/apphost}); null when the output is no folder. */
    private Path apphostFolder() {
        Path classes = folderOf(outputFolder(StandardLocation.CLASS_OUTPUT));
        return classes == null || classes.getParent() == null ? null : classes.getParent().resolve("apphost");
    }

    /**
     * After {@code Projects} was written (referenced mode): sources generated by other processors in
     * later rounds that name a module without a nested class get an error with the way out; the
     * name is remembered, so the next build declares it.
     */
    private void checkLateReferences(RoundEnvironment round) {
        if (declared == null || round.getRootElements().isEmpty()) {
            return;
        }
        Set<String> named = ProjectReferences.find(processingEnv, round.getRootElements());
        Set<String> late = new TreeSet<>();
        if (named != null) {
            for (String name : named) {
                if (runnable.contains(name) && !declared.contains(name)) {
                    late.add(name);
                }
            }
        }
        if (!late.isEmpty()) {
            Set<String> next = new HashSet<>(declared);
            next.addAll(late);
            remembered.save(next);
            new Reporter(processingEnv.getMessager()).report(Message.NAMED_LATE, appHost, mirror(appHost),
                    String.join(", ", late));
        }
    }

    /** The option's value as a path; null when the option is not set. */
    private static Path pathOption(Map<String, String> options, String name) throws ReactorException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new ReactorException(Problem.of(Message.BAD_OPTION, name, value, e.getMessage()), e);
        }
    }

    /** The folder holding the file at {@code uri}, when it is a file on disk. */
    private static Path folderOf(URI uri) {
        if (uri == null || !"file".equalsIgnoreCase(uri.getScheme())) {
            return null;
        }
        try {
            return Path.of(uri).getParent();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }

    /** The source file of the element, when the compiler is javac (Trees is javac's API). */
    private URI sourceFile(Element element) {
        try {
            TreePath path = Trees.instance(processingEnv).getPath(element);
            return path == null ? null : path.getCompilationUnit().getSourceFile().toUri();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** A file in the given output location; its parent is the location's folder. */
    private URI outputFolder(JavaFileManager.Location location) {
        try {
            FileObject probe = processingEnv.getFiler().getResource(location, "", "apphost-probe");
            return probe.toUri();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static AnnotationMirror mirror(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element type = mirror.getAnnotationType().asElement();
            if (type instanceof TypeElement te && te.getQualifiedName().contentEquals(APPHOST)) {
                return mirror;
            }
        }
        return null;
    }

    /** {@code @AppHost(exclude = ...)}, read from the mirror so no class is needed. */
    private static Set<String> exclude(AnnotationMirror mirror) {
        Set<String> exclude = new LinkedHashSet<>();
        if (mirror == null) {
            return exclude;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("exclude")
                    && entry.getValue().getValue() instanceof List<?> values) {
                for (Object value : values) {
                    if (value instanceof AnnotationValue av && av.getValue() instanceof String s) {
                        exclude.add(s.trim());
                    }
                }
            }
        }
        return exclude;
    }

    private static String name(Element element) {
        return element instanceof TypeElement type
                ? type.getQualifiedName().toString()
                : element.getSimpleName().toString();
    }
}
