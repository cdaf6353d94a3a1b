// Invoker selector: run an IT only when a container engine answers (Redis and other containers need one).
try {
    def p = ['docker', 'info', '--format', '{{.ServerVersion}}'].execute()
    if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly()
        println 'SKIPPED: docker info did not answer within 20 s'
        return false
    }
    if (p.exitValue() != 0) {
        println "SKIPPED: no container engine answers (docker info: ${p.err.text.trim()})"
        return false
    }
    return true
} catch (IOException e) {
    println "SKIPPED: no docker CLI (${e.message})"
    return false
}
