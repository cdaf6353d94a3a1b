package dev.apphost.model;

/**
 * Aspire's {@code GenerateParameterDefault}: a random value of at least {@code minLength}
 * characters from the enabled character classes, with minimum counts per class.
 */
public record GeneratedDefault(
        int minLength,
        boolean lower,
        boolean upper,
        boolean numeric,
        boolean special,
        int minLower,
        int minUpper,
        int minNumeric,
        int minSpecial) {

    /** All classes on, no minimums: Aspire's defaults. */
    public static GeneratedDefault ofLength(int minLength) {
        return new GeneratedDefault(minLength, true, true, true, true, 0, 0, 0, 0);
    }

    /** A password without special characters (Redis clients cannot take commas). */
    public static GeneratedDefault password() {
        return new GeneratedDefault(22, true, true, true, false, 0, 0, 0, 0);
    }
}
