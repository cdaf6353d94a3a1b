package dev.apphost.plan;

import dev.apphost.model.GeneratedDefault;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Random values for {@link GeneratedDefault}: the minimum count of each class first, then any enabled class, shuffled. */
public final class PasswordGenerator {

    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String NUMERIC = "0123456789";
    static final String SPECIAL = "-_.{}~()*+!?";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordGenerator() {
    }

    public static String generate(GeneratedDefault spec) {
        List<Character> chars = new ArrayList<>();
        StringBuilder pool = new StringBuilder();
        add(chars, pool, spec.lower(), LOWER, spec.minLower());
        add(chars, pool, spec.upper(), UPPER, spec.minUpper());
        add(chars, pool, spec.numeric(), NUMERIC, spec.minNumeric());
        add(chars, pool, spec.special(), SPECIAL, spec.minSpecial());
        if (pool.length() == 0) {
            throw new IllegalArgumentException("A generated value needs at least one character class enabled.");
        }
        while (chars.size() < spec.minLength()) {
            chars.add(pool.charAt(RANDOM.nextInt(pool.length())));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder sb = new StringBuilder(chars.size());
        chars.forEach(sb::append);
        return sb.toString();
    }

    private static void add(List<Character> chars, StringBuilder pool, boolean enabled, String set, int minimum) {
        if (enabled) {
            pool.append(set);
        }
        for (int i = 0; i < minimum; i++) {
            chars.add(set.charAt(RANDOM.nextInt(set.length())));
        }
    }
}
