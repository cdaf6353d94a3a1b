package dev.apphost.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes a compile-testing {@link Compilation} wrote, to call generated code. */
final class GeneratedClasses extends ClassLoader {

    private final Map<String, JavaFileObject> classes = new HashMap<>();
    private final Map<String, JavaFileObject> resources = new HashMap<>();

    GeneratedClasses(Compilation compilation) {
        super(GeneratedClasses.class.getClassLoader());
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                        path.length() - ".class".length()).replace('/', '.');
                classes.put(name, file);
            } else if (file.getKind() == JavaFileObject.Kind.OTHER && file.toUri().getPath().contains("/CLASS_OUTPUT/")) {
                String path = file.toUri().getPath();
                resources.put(path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length()), file);
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JavaFileObject file = classes.get(name);
        if (file == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = file.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generated resources ({@code Projects.tsv}), as {@code Class.getResourceAsStream} asks for them. */
    @Override
    public InputStream getResourceAsStream(String name) {
        JavaFileObject file = resources.get(name);
        if (file == null) {
            return super.getResourceAsStream(name);
        }
        try {
            return file.openInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new instance of a generated class, through its public no-arg constructor. */
    Object newInstance(String name) throws ReflectiveOperationException {
        return loadClass(name).getConstructor().newInstance();
    }
}
