package dev.apphost.processor;

/** A reactor could not be read; {@link #problem()} says why, ready to report. */
public final class ReactorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ReactorException(Problem problem) {
        this(problem, null);
    }

    public ReactorException(Problem problem, Throwable cause) {
        super(problem.text(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
