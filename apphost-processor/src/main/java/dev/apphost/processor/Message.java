package dev.apphost.processor;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every message the processor reports. Each text starts with a stable tag such as
 * {@code [AppHostNameCollision]}: tests, docs and users' build scripts may match on the tag, so a
 * tag never changes once released (the wording after it may).
 */
public enum Message {

    /** Args: qualified name of the first {@code @AppHost} class. */
    DUPLICATE_APPHOST("AppHostDuplicate", Diagnostic.Kind.ERROR,
            "Only one @AppHost class is allowed in a compilation; %s is already the AppHost and"
                    + " Projects is generated for it only"),

    /** Args: none. */
    MODULE_UNKNOWN("AppHostNoReactor", Diagnostic.Kind.ERROR,
            "Cannot tell which Maven module is being compiled: neither the source file nor the"
                    + " compiler's output location is a folder on disk. Set -A"
                    + AppHostOptions.MODULE_DIR + "=<module folder> (and, if needed, -A"
                    + AppHostOptions.REACTOR_ROOT + "=<reactor root folder>)"),

    /** Args: folder the search started from. */
    NO_REACTOR("AppHostNoReactor", Diagnostic.Kind.ERROR,
            "No pom.xml in %s or any folder above it: the @AppHost class must be compiled inside a"
                    + " module of a Maven reactor. Set -A" + AppHostOptions.MODULE_DIR
                    + "=<module folder> (and, if needed, -A" + AppHostOptions.REACTOR_ROOT
                    + "=<reactor root folder>) to say where it is"),

    /** Args: option name, value, what is wrong. */
    BAD_OPTION("AppHostBadOption", Diagnostic.Kind.ERROR, "-A%s=%s: %s"),

    /** Args: pom file, reason. */
    POM_UNREADABLE("AppHostPomUnreadable", Diagnostic.Kind.ERROR, "Cannot read %s: %s"),

    /** Args: pom file, line, column, parser message. */
    POM_MALFORMED("AppHostPomMalformed", Diagnostic.Kind.ERROR,
            "Malformed pom %s at line %d, column %d: %s"),

    /** Args: pom file, the problem reading it. */
    POM_SKIPPED("AppHostPomSkipped", Diagnostic.Kind.WARNING,
            "Skipped %s while looking for the reactor root above the module (set -A"
                    + AppHostOptions.REACTOR_ROOT + " if it is the root): %s"),

    /** Args: aggregator pom, module entry, missing path. */
    MODULE_MISSING("AppHostModuleMissing", Diagnostic.Kind.ERROR,
            "%s lists <module>%s</module>, but there is no pom at %s"),

    /** Args: list of modules (path and pom), the shared name. */
    NAME_COLLISION("AppHostNameCollision", Diagnostic.Kind.ERROR,
            "Modules %s map to the same name %s; set the pom property "
                    + ReactorScanner.PROJECT_NAME_PROPERTY
                    + " in all of them but one to give each a distinct name"),

    /** Args: value, pom file. */
    INVALID_PROJECT_NAME("AppHostInvalidName", Diagnostic.Kind.ERROR,
            ReactorScanner.PROJECT_NAME_PROPERTY + " '%s' in %s is not a valid Java class name"),

    /** Args: the name, module path and pom. */
    RESERVED_NAME("AppHostReservedName", Diagnostic.Kind.ERROR,
            "Projects.%s cannot be generated for module %s: a nested class cannot be named like"
                    + " its enclosing class; set the pom property "
                    + ReactorScanner.PROJECT_NAME_PROPERTY + " in that module to another name"),

    /** Args: reactor root pom. */
    NO_RUNNABLE_MODULES("AppHostNoProjects", Diagnostic.Kind.WARNING,
            "The reactor %s has no runnable module (jar or war packaging, other than the"
                    + " AppHost's own): Projects is generated empty"),

    /** Args: artifactId, reactor root pom. */
    UNKNOWN_EXCLUDE("AppHostUnknownExclude", Diagnostic.Kind.WARNING,
            "@AppHost(exclude) names '%s', which is no runnable module of the reactor %s"),

    /** Args: the names. */
    NAMED_LATE("AppHostNamedLate", Diagnostic.Kind.ERROR,
            "Projects.%s is named only by sources generated after Projects was written, so it has no"
                    + " nested class in this build; the next build declares it, or set -A"
                    + AppHostOptions.PROJECTS + "=" + AppHostOptions.PROJECTS_ALL),

    /** Args: reason. */
    WRITE_FAILED("AppHostWriteFailed", Diagnostic.Kind.ERROR, "Cannot write Projects: %s"),

    /** Args: exception. */
    INTERNAL_ERROR("AppHostInternalError", Diagnostic.Kind.ERROR,
            "The apphost processor failed; please report this: %s");

    private final String tag;
    private final Diagnostic.Kind kind;
    private final String template;

    Message(String tag, Diagnostic.Kind kind, String template) {
        this.tag = tag;
        this.kind = kind;
        this.template = template;
    }

    /** The stable tag, without brackets. */
    public String tag() {
        return tag;
    }

    /** ERROR or WARNING. */
    public Diagnostic.Kind kind() {
        return kind;
    }

    /** The full text: {@code [Tag] } followed by the template filled with {@code args}. */
    public String format(Object... args) {
        return "[" + tag + "] " + String.format(Locale.ROOT, template, args);
    }
}
