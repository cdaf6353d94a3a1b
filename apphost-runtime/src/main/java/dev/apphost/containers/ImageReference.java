package dev.apphost.containers;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference in the grammar the Docker engine accepts: {@code [registry/]repository[:tag][@digest]}.
 *
 * <pre>{@code
 * ImageReference ref = ImageReference.parse("ghcr.io/acme/api:1.2@sha256:0123…");
 * ref.registry();   // Optional[ghcr.io]
 * ref.repository(); // ghcr.io/acme/api   (everything before the tag: what the pull API calls fromImage)
 * ref.tag();        // 1.2   (null when none)
 * ref.digest();     // sha256:0123…   (null when none)
 * ref.toString();   // ghcr.io/acme/api:1.2@sha256:0123…
 * }</pre>
 *
 * The first path component is a registry when it contains a dot or a colon or is {@code localhost}
 * (Docker's rule), so {@code localhost:5000/app:1} is repository {@code localhost:5000/app}, tag {@code 1}.
 * {@link #parse} rejects what the engine would reject later, with the reason and the fix.
 */
public record ImageReference(String repository, String tag, String digest) {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern DOMAIN_PATTERN = Pattern.compile(DOMAIN);
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

    public ImageReference {
        Objects.requireNonNull(repository, "repository");
    }

    /**
     * Parses {@code reference}.
     *
     * @throws IllegalArgumentException naming what is wrong and how to write it instead
     */
    public static ImageReference parse(String reference) {
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank()) {
            throw new IllegalArgumentException("the image must not be empty; give a name such as 'nginx' or 'docker.io/library/redis'");
        }
        if (!reference.equals(reference.strip()) || reference.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("image '" + reference + "' contains white space; image references never do");
        }
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException("image '" + reference + "' has an invalid digest '" + digest
                        + "'; a digest is algorithm:hex, e.g. sha256:<64 hex digits>");
            }
        }
        String tag = null;
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (tag.isEmpty()) {
                throw new IllegalArgumentException("image '" + reference + "' ends with ':' but has no tag; "
                        + "remove the ':' or add a tag such as ':latest'");
            }
            checkTag(tag);
        }
        checkName(reference, rest);
        return new ImageReference(rest, tag, digest);
    }

    /** Rejects a tag the engine would refuse, naming the rule. */
    public static void checkTag(String tag) {
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("invalid tag '" + tag + "'; a tag is up to 128 letters, digits, '_', "
                    + "'.' and '-', not starting with '.' or '-'");
        }
    }

    private static void checkName(String reference, String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("image '" + reference + "' has no repository name before its tag or digest");
        }
        String path = name;
        int slash = name.indexOf('/');
        if (slash > 0 && isDomain(name.substring(0, slash))) {
            if (!DOMAIN_PATTERN.matcher(name.substring(0, slash)).matches()) {
                throw new IllegalArgumentException("image '" + reference + "' has an invalid registry '"
                        + name.substring(0, slash) + "'");
            }
            path = name.substring(slash + 1);
        }
        if (!PATH.matcher(path).matches()) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (!lower.equals(path) && PATH.matcher(lower).matches()) {
                throw new IllegalArgumentException("image '" + reference + "': repository names must be lowercase; use '"
                        + name.substring(0, name.length() - path.length()) + lower + "'");
            }
            throw new IllegalArgumentException("image '" + reference + "' has an invalid repository name '" + path
                    + "'; use lowercase letters, digits and single '.', '_', '__' or '-' between them, components "
                    + "separated by '/'");
        }
    }

    private static boolean isDomain(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[");
    }

    /** The registry host (and port) when the reference names one. */
    public Optional<String> registry() {
        int slash = repository.indexOf('/');
        return slash > 0 && isDomain(repository.substring(0, slash)) ? Optional.of(repository.substring(0, slash))
                : Optional.empty();
    }

    /** With {@code :latest} when it names neither a tag nor a digest (what the CLI pulls). */
    public ImageReference withDefaultTag() {
        return tag == null && digest == null ? new ImageReference(repository, "latest", null) : this;
    }

    /**
     * What the pull API wants: {@code fromImage} = the repository, {@code tag} = the digest when
     * there is one (a digest pins the content; the tag is then only informative), else the tag,
     * else {@code latest} (no tag would pull every tag of the repository).
     */
    public String pullTag() {
        return digest != null ? digest : tag != null ? tag : "latest";
    }

    /**
     * The repository as Docker and Podman's Docker API resolve it: a name without registry lives
     * on {@code docker.io}, and a single component there in {@code library/}. Podman reports images
     * under this full name ({@code local/httpd:1} is {@code docker.io/local/httpd:1}).
     */
    public String normalizedRepository() {
        if (registry().isPresent()) {
            return repository;
        }
        return repository.contains("/") ? "docker.io/" + repository : "docker.io/library/" + repository;
    }

    @Override
    public String toString() {
        return repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
