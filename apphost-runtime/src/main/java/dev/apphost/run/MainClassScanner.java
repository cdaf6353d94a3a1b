package dev.apphost.run;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the classes with {@code public static void main(String[])} in a classes folder by reading
 * the class files' constant pool and method table (no class loading, no dependencies).
 */
public final class MainClassScanner {

    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_STATIC = 0x0008;
    private static final String MAIN_DESCRIPTOR = "([Ljava/lang/String;)V";

    private MainClassScanner() {
    }

    /** The fully qualified names of the main classes under {@code classesDirectory}, sorted. */
    public static List<String> mainClasses(Path classesDirectory) throws IOException {
        List<String> result = new ArrayList<>();
        if (!Files.isDirectory(classesDirectory)) {
            return result;
        }
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                if (file.getFileName().toString().equals("module-info.class")) {
                    continue;
                }
                String name = mainClassName(Files.readAllBytes(file));
                if (name != null) {
                    result.add(name);
                }
            }
        }
        result.sort(null);
        return result;
    }

    /** The class's name if it declares {@code public static void main(String[])}, else {@code null}. */
    static String mainClassName(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            return null;
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        String thisClass = utf8[classNameIndex[in.readUnsignedShort()]];
        in.readUnsignedShort(); // super
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        skipMembers(in); // fields
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            int flags = in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            skipAttributes(in);
            if ((flags & (ACC_PUBLIC | ACC_STATIC)) == (ACC_PUBLIC | ACC_STATIC)
                    && "main".equals(name) && MAIN_DESCRIPTOR.equals(descriptor)) {
                return thisClass.replace('/', '.');
            }
        }
        return null;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.skipBytes(6);
            skipAttributes(in);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort();
            in.skipBytes(in.readInt());
        }
    }
}
