// Used by the apphost build (samples/pom.xml), not by the sample: after the starter is built, run it
// as a user does (`mvn apphost:run`), read the page, then stop Maven as Ctrl+C would and check that
// nothing is left behind but the persistent cache; run it again and check the cache is reused.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit

// The cache is a persistent container: the first run creates it and leaves it running; the second run
// reuses it (no create, no start) and says so; the test removes it at the end, as a user would.
def mvn = new File(mavenHome, 'bin/mvn').absolutePath
def docker = { List<String> args -> (['docker'] + args).execute().text.trim() }
// The persistent cache is this checkout's (cache-<hash of the AppHost folder>), named in the run's log: other
// builds on the same engine have their own, which this script leaves alone. One an interrupted build of this
// checkout left behind is reused (or replaced) by the first run, and removed at the end.
def persistentCache = { String log -> (log =~ /(?:created|started|reused) persistent container (\S+)/).with {
    it.find() ? it.group(1) : null } }
def containerId = { String name -> docker(['inspect', '-f', '{{.Id}}', name]) }
def sessionContainers = { docker(['ps', '-aq', '--filter', 'label=dev.apphost.resource=cache',
        '--filter', 'label=dev.apphost.session']) }

def runOnce = { String name ->
    def runLog = new File(basedir, name)
    def process = new ProcessBuilder(mvn, '-B', "-Dmaven.repo.local=${itRepository}", 'apphost:run')
            .directory(basedir).redirectErrorStream(true).redirectOutput(runLog).start()
    def pids = []
    def log
    try {
        long deadline = System.currentTimeMillis() + 300_000
        while (!runLog.text.contains('apphost: all resources ready')) {
            assert !runLog.text.contains('apphost: resources failed') : "resources failed:\n${runLog.text}"
            assert process.alive : "mvn apphost:run ended early:\n${runLog.text}"
            assert System.currentTimeMillis() < deadline : "not ready after 300 s:\n${runLog.text}"
            Thread.sleep(500)
        }
        log = runLog.text
        def url = (log =~ /(?m)^\s*webfrontend\s+Project\s+\S+\s+(http:\/\/\S+)/)[0][1]
        pids = (log =~ /with PID (\d+)/).collect { it[1] as long }

        def http = HttpClient.newHttpClient()
        def get = { http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()) }
        def first = get()
        assert first.statusCode() == 200
        assert (first.body() =~ /<tr><td>/).size() == 5 : "five forecasts expected: ${first.body()}"
        def second = get()
        assert second.body().contains('served from the Redis cache') : "second request should hit Redis: ${second.body()}"
        println "starter (${name}): ${url} served 5 forecasts from apiservice through the Redis cache"
    } finally {
        // what Ctrl+C does to `mvn apphost:run`: a signal to Maven, which stops the AppHost
        process.destroy()
        assert process.waitFor(60, TimeUnit.SECONDS) : "mvn apphost:run did not stop within 60 s"
    }
    Thread.sleep(1000)
    pids.each { pid -> assert !ProcessHandle.of(pid).map { it.alive }.orElse(false) : "process ${pid} still alive" }
    assert sessionContainers().isEmpty() : "session containers left behind: ${sessionContainers()}"
    log
}

def firstLog = runOnce('run.log')
def kept = persistentCache(firstLog)
assert kept : "the first run should name the persistent cache:\n${firstLog}"
def keptId = containerId(kept)
assert docker(['inspect', '-f', '{{.State.Running}}', kept]) == 'true' : "the persistent cache should outlive the AppHost"
def secondLog = runOnce('run-again.log')
assert secondLog =~ /cache.*reused persistent container ${kept}/ : "the second run should reuse the cache:\n${secondLog}"
assert containerId(kept) == keptId : "the same container should be reused"
docker(['rm', '-f', kept])
println "starter: stopped twice, nothing left but the persistent cache, which the second run reused"
return evaluate(new File(basedir, 'verify-deploy.groovy'))
