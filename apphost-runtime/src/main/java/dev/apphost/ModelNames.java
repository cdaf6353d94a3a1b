package dev.apphost;

/**
 * Aspire's rules for resource and endpoint names, checked in Aspire's order with Aspire's messages:
 * 1 to 64 characters; only ASCII letters, digits and hyphens, never two hyphens in a row; a letter
 * first; no hyphen last.
 */
final class ModelNames {

    private ModelNames() {
    }

    static void validateResourceName(String name) {
        validate("Resource", name);
    }

    static void validateEndpointName(String name) {
        validate("EndpointAnnotation", name);
    }

    /** The reason {@code name} is invalid, or {@code null} when it is valid. */
    static String problem(String name) {
        if (name == null || name.isEmpty() || name.length() > 64) {
            return "Name must be between 1 and 64 characters long.";
        }
        char previous = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' && previous == '-') {
                return "Name cannot contain consecutive hyphens.";
            }
            if (!isAsciiLetterOrDigit(c) && c != '-') {
                return "Name must contain only ASCII letters, digits, and hyphens.";
            }
            previous = c;
        }
        if (!isAsciiLetter(name.charAt(0))) {
            return "Name must start with an ASCII letter.";
        }
        if (name.charAt(name.length() - 1) == '-') {
            return "Name cannot end with a hyphen.";
        }
        return null;
    }

    private static void validate(String target, String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new InvalidResourceNameException(target + " name '" + name + "' is invalid. " + problem);
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }
}
