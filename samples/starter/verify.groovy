// Used by the apphost build (samples/pom.xml), not by the sample: after the starter is built, run it
// as a user does (`mvn apphost:run`), read the page, then stop Maven as Ctrl+C would and check that
// nothing is left behind.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit

def runLog = new File(basedir, 'run.log')
def mvn = new File(mavenHome, 'bin/mvn').absolutePath
def process = new ProcessBuilder(mvn, '-B', "-Dmaven.repo.local=${itRepository}", 'apphost:run')
        .directory(basedir).redirectErrorStream(true).redirectOutput(runLog).start()
def pids = []
try {
    long deadline = System.currentTimeMillis() + 300_000
    while (!runLog.text.contains('apphost: all resources ready')) {
        assert !runLog.text.contains('apphost: resources failed') : "resources failed:\n${runLog.text}"
        assert process.alive : "mvn apphost:run ended early:\n${runLog.text}"
        assert System.currentTimeMillis() < deadline : "not ready after 300 s:\n${runLog.text}"
        Thread.sleep(500)
    }
    def log = runLog.text
    def url = (log =~ /(?m)^\s*webfrontend\s+Project\s+\S+\s+(http:\/\/\S+)/)[0][1]
    pids = (log =~ /with PID (\d+)/).collect { it[1] as long }

    def http = HttpClient.newHttpClient()
    def get = { http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()) }
    def first = get()
    assert first.statusCode() == 200
    assert (first.body() =~ /<tr><td>/).size() == 5 : "five forecasts expected: ${first.body()}"
    def second = get()
    assert second.body().contains('served from the Redis cache') : "second request should hit Redis: ${second.body()}"
    println "starter: ${url} served 5 forecasts from apiservice through the Redis cache"
} finally {
    // what Ctrl+C does to `mvn apphost:run`: a signal to Maven, which stops the AppHost
    process.destroy()
    assert process.waitFor(60, TimeUnit.SECONDS) : "mvn apphost:run did not stop within 60 s"
}
Thread.sleep(1000)
def leftovers = ['docker', 'ps', '-aq', '--filter', 'label=dev.apphost.resource=cache'].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: ${leftovers}"
pids.each { pid -> assert !ProcessHandle.of(pid).map { it.alive }.orElse(false) : "process ${pid} still alive" }
println "starter: stopped, nothing left behind"
return evaluate(new File(basedir, 'verify-deploy.groovy'))
