// Used by the apphost build (samples/pom.xml, from verify.groovy), not by the sample: deploy the
// starter to the local engine with Docker Compose as a user does (`mvn apphost:deploy`), read the
// page through Redis from the containers, then `mvn apphost:undeploy` and check nothing is left.
// Needs docker-compose and the local JRE base image (scripts/setup-deploy.sh).
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit

def exec = { List<String> command -> def p = command.execute(); def out = p.text; p.waitFor(); [p.exitValue(), out.trim()] }
if (!['/usr/bin', '/usr/local/bin', '/bin'].any { new File(it, 'docker-compose').canExecute() }) {
    println 'starter deploy: SKIPPED, docker-compose is not installed (bash scripts/setup-deploy.sh installs it)'
    return true
}
if (exec(['docker', 'image', 'inspect', 'local/jre:17'])[0] != 0) {
    println 'starter deploy: SKIPPED, no local/jre:17 base image (bash scripts/setup-deploy.sh builds it)'
    return true
}
def mvn = new File(mavenHome, 'bin/mvn').absolutePath
def maven = { String log, List<String> args ->
    def logFile = new File(basedir, log)
    def p = new ProcessBuilder([mvn, '-B', "-Dmaven.repo.local=${itRepository}"] + args)
            .directory(basedir).redirectErrorStream(true).redirectOutput(logFile).start()
    assert p.waitFor(600, TimeUnit.SECONDS) : "mvn ${args} did not finish within 600 s:\n${logFile.text}"
    assert p.exitValue() == 0 : "mvn ${args} failed:\n${logFile.text}"
    logFile.text
}
def project = { exec(['docker', 'ps', '-aq', '--filter', 'label=com.docker.compose.project=starter'])[1] }
try {
    def log = maven('deploy.log', ['apphost:deploy', '-Dapphost.baseImage=docker://local/jre:17'])
    def url = (log =~ /apphost: webfrontend\/http at (http:\/\/\S+)/)[0][1]
    def http = HttpClient.newHttpClient()
    def get = { http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()) }
    def first = get()
    assert first.statusCode() == 200
    assert (first.body() =~ /<tr><td>/).size() == 5 : "five forecasts expected: ${first.body()}"
    assert first.body().contains('http://apiservice:8080') : "apiservice reached by its service name: ${first.body()}"
    def second = get()
    assert second.body().contains('served from the Redis cache') : "second request should hit Redis: ${second.body()}"
    println "starter deploy: ${url} served 5 forecasts from the apiservice container through the Redis container"
} finally {
    maven('undeploy.log', ['apphost:undeploy'])
}
assert project().isEmpty() : "containers left behind: ${project()}"
assert exec(['docker', 'network', 'ls', '-q', '--filter', 'label=com.docker.compose.project=starter'])[1].isEmpty()
assert exec(['docker', 'volume', 'ls', '-q', '--filter', 'label=com.docker.compose.project=starter'])[1].isEmpty()
println 'starter deploy: undeployed, no container, network or volume left'
return true
