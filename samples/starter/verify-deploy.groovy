// Used by the apphost build (samples/pom.xml, from verify.groovy), not by the sample: deploy the
// starter to the local engine with Docker Compose as a user does (`mvn apphost:deploy`), read the
// page through Redis from the containers, then `mvn apphost:undeploy` and check nothing is left.
// Then the same app from the published docker-stack.yaml on a single-node Swarm (docker swarm init,
// docker stack deploy; the swarm is left afterwards). Needs docker-compose and the local JRE base
// image (scripts/setup-deploy.sh).
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
    def p = new ProcessBuilder(([mvn, '-B', "-Dmaven.repo.local=${itRepository}"] + args)*.toString())
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
    // webfrontend's RestClient asks for https+http://apiservice; apphost-spring-boot resolves it to the
    // services__apiservice__http__0 the Compose file gives it (http://apiservice:8080, the service name)
    assert first.body().contains('fresh from apiservice') : "apiservice reached through its service name: ${first.body()}"
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

// ---- Swarm: the images apphost:deploy built, the stack file the publisher wrote
if (exec(['docker', 'info', '--format', '{{.Swarm.LocalNodeState}}'])[1] != 'inactive') {
    println 'starter swarm: SKIPPED, this engine is already part of a swarm'
    return true
}
def output = new File(basedir, 'target/apphost/docker-compose')
def stackEnv = [:]
new File(output, '.env').eachLine { line -> def eq = line.indexOf('='); if (!line.startsWith('#') && eq > 0) stackEnv[line.substring(0, eq)] = line.substring(eq + 1) }
def hadGatewayBridge = exec(['docker', 'network', 'inspect', 'docker_gwbridge'])[0] == 0
def stackContainers = { exec(['docker', 'ps', '-aq', '--filter', 'label=com.docker.stack.namespace=starter-swarm'])[1] }
try {
    def init = exec(['docker', 'swarm', 'init', '--advertise-addr', '127.0.0.1'])
    assert init[0] == 0 : "docker swarm init failed: ${init[1]}"
    def deploy = new ProcessBuilder('docker', 'stack', 'deploy', '--resolve-image', 'never', '-c', 'docker-stack.yaml', 'starter-swarm')
            .directory(output).redirectErrorStream(true)
    deploy.environment().putAll(stackEnv)
    def deployProcess = deploy.start()
    def deployText = deployProcess.text
    assert deployProcess.waitFor() == 0 : "docker stack deploy failed: ${deployText}"
    def port = null
    long deadline = System.currentTimeMillis() + 300_000
    def http = HttpClient.newHttpClient()
    def body = null
    while (System.currentTimeMillis() < deadline) {
        if (!port) {
            // published on the task's node (mode: host): the port of the task's container
            def task = exec(['docker', 'ps', '-q', '--filter', 'label=com.docker.swarm.service.name=starter-swarm_webfrontend'])[1]
            def published = task ? exec(['docker', 'port', task.readLines()[0], '8080'])[1] : ''
            port = published ? published.readLines()[0].tokenize(':').last() : null
        }
        try {
            def response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:${port}/")).build(), HttpResponse.BodyHandlers.ofString())
            if (response.statusCode() == 200 && response.body().contains('served from the Redis cache')) { body = response.body(); break }
        } catch (IOException | IllegalArgumentException ignored) {
            // not up yet: Swarm starts the services in no order and restarts them until they answer
        }
        Thread.sleep(1000)
    }
    assert body != null : "the Swarm stack did not serve the page through Redis within 300 s: ${exec(['docker', 'service', 'ls'])[1]}"
    assert (body =~ /<tr><td>/).size() == 5
    println "starter swarm: http://localhost:${port} served 5 forecasts through Redis from the stack 'starter-swarm'"
} finally {
    exec(['docker', 'stack', 'rm', 'starter-swarm'])
    long deadline = System.currentTimeMillis() + 60_000
    while (!stackContainers().isEmpty() && System.currentTimeMillis() < deadline) { Thread.sleep(500) }
    exec(['docker', 'swarm', 'leave', '--force'])
    if (!hadGatewayBridge) { exec(['docker', 'network', 'rm', 'docker_gwbridge']) }
}
assert stackContainers().isEmpty() : "stack containers left behind: ${stackContainers()}"
assert exec(['docker', 'info', '--format', '{{.Swarm.LocalNodeState}}'])[1] == 'inactive'
println 'starter swarm: stack removed, swarm left'
return true
