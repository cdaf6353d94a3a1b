// The plugin's half of the contract, checked against a fake runtime (FakeHost).
def log = new File(basedir, 'build.log').text
def host = new File(basedir, 'host').canonicalPath
def plan = new File(basedir, 'host/target/apphost/launch-plan.json')

assert plan.isFile() : 'expected: plan.isFile()'
def json = new groovy.json.JsonSlurper().parse(plan)
assert json.appHostDirectory == host : 'expected: json.appHostDirectory == host'
assert json.projects*.artifactId.sort() == ['lib', 'svc-a', 'svc-b'] : 'expected: json.projects*.artifactId.sort() == [\'lib\', \'svc-a\', \'svc-b\']'
def a = json.projects.find { it.artifactId == 'svc-a' }
assert a.mainClass == 'it.a.ServiceA' : 'expected: a.mainClass == \'it.a.ServiceA\''
assert a.classpath[0].endsWith('svc-a/target/classes') : 'expected: a.classpath[0].endsWith(\'svc-a/target/classes\')'
assert a.classpath.any { it.endsWith('lib/target/classes') } : 'expected: a.classpath.any { it.endsWith(\'lib/target/classes\') }'
assert json.projects.find { it.artifactId == 'svc-b' }.mainClass == 'it.b.Right' : 'expected: json.projects.find { it.artifactId == \'svc-b\' }.mainClass == \'it.b.Right\''
assert json.projects.find { it.artifactId == 'lib' }.mainClass == null : 'expected: json.projects.find { it.artifactId == \'lib\' }.mainClass == null'

// system properties and working directory
assert log.contains("FAKE plan=${plan.canonicalPath} dir=${host} cwd=${host} parentAlive=true") : 'expected: log.contains("FAKE plan=${plan.canonicalPath} dir=${host} cwd=${host} parentAlive=true")'
// run: -Dapphost.args passed through, quotes respected
assert log.contains('args=[--once, two words]') : 'expected: log.contains(\'args=[--once, two words]\')'
// classpath with a reactor dependency, main class by scan and by exec.mainClass
assert log.contains('SENTINEL svc-a greeting=hello-from-lib') : 'expected: log.contains(\'SENTINEL svc-a greeting=hello-from-lib\')'
assert log.contains('SENTINEL svc-b main=Right') : 'expected: log.contains(\'SENTINEL svc-b main=Right\')'
assert !log.contains('SENTINEL svc-b main=Wrong') : 'expected: !log.contains(\'SENTINEL svc-b main=Wrong\')'
// start waited for the ready line, stop stopped
assert log.contains('[apphost] apphost: all resources ready') : 'expected: log.contains(\'[apphost] apphost: all resources ready\')'
assert log =~ /apphost: AppHost it\.host\.FakeHost is ready \(pid \d+/ : 'expected: log =~ /apphost: AppHost it\\.host\\.FakeHost is ready \\(pid \\d+/'
assert log.contains('apphost: AppHost stopped') : 'expected: log.contains(\'apphost: AppHost stopped\')'
assert !new File(basedir, 'host/target/apphost/apphost.pid').exists() : 'expected: !new File(basedir, \'host/target/apphost/apphost.pid\').exists()'
assert new File(basedir, 'host/target/apphost/apphost.log').text.contains('SENTINEL svc-a') : 'expected: new File(basedir, \'host/target/apphost/apphost.log\').text.contains(\'SENTINEL svc-a\')'
// nothing left behind: every service pid printed is gone
def pids = (log =~ /SENTINEL \S+ \S+ pid=(\d+)/).collect { it[1] as long }
assert pids.size() >= 4 : 'expected: pids.size() >= 4'
Thread.sleep(2000)
pids.each { pid -> assert !ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) : "process $pid still alive" }
// manifest: arguments and log line
def manifest = new File(basedir, 'target/apphost/aspire-manifest.json')
assert log.contains('FAKE manifest publisher=manifest') : 'expected: log.contains(\'FAKE manifest publisher=manifest\')'
assert log.contains("apphost: Aspire manifest written to ${manifest.canonicalPath}") : 'expected: log.contains("apphost: Aspire manifest written to ${manifest.canonicalPath}")'
assert manifest.isFile() : 'expected: manifest.isFile()'

// the AppHost's stop budget is below the plugin's 10 s; its temp folder and the argfile are gone afterwards
assert log.contains("FAKE stop budget=8 tmpdir=${new File(host, 'target/apphost/tmp').path}") : 'stop budget / tmpdir'
assert !new File(basedir, 'host/target/apphost/java-args.txt').exists() : 'java-args.txt left behind'
assert !new File(basedir, 'host/target/apphost/tmp').exists() : 'tmp folder left behind'

// IDE case: the AppHost started with plain `java`, without -Dapphost.launchPlan: LaunchPlanProvider
// runs Maven once (mvn from PATH, offline on the IT repository), writes the plan, then reuses it.
def cp = (log =~ /FAKE classpath=(\S+)/)[0][1]
assert plan.delete() : 'cannot delete the plan'
def java = new File(System.getProperty('java.home'), 'bin/java').path
// offline, with the repository ids the IT repository's artifacts were downloaded through
// (src/it/settings.xml's local.central, and Central): offline Maven only trusts those
def ideSettings = new File(basedir, 'ide-settings.xml')
def repository = { tag -> "<${tag}><id>local.central</id><url>file:///unused</url>" +
        "<snapshots><enabled>true</enabled></snapshots></${tag}>" }
ideSettings.text = '<settings><profiles><profile><id>it</id><activation><activeByDefault>true</activeByDefault>' +
        "</activation><repositories>${repository('repository')}</repositories>" +
        "<pluginRepositories>${repository('pluginRepository')}</pluginRepositories></profile></profiles></settings>"
def runFromIde = { ->
    def pb = new ProcessBuilder(java, '-cp', cp, "-Dapphost.appHostDirectory=${host}",
            "-Dapphost.parentPid=${ProcessHandle.current().pid()}", 'it.host.FakeHost', '--once')
            .directory(new File(host)).redirectErrorStream(true)
    pb.environment().put('PATH', new File(System.getProperty('maven.home'), 'bin').path + File.pathSeparator
            + System.getenv('PATH'))
    pb.environment().put('MAVEN_ARGS', "-o -s ${ideSettings} -Dmaven.repo.local=${localRepositoryPath}".toString())
    def p = pb.start()
    def out = p.inputStream.text
    p.waitFor()
    [p.exitValue(), out]
}
def (code1, out1) = runFromIde()
assert code1 == 0 : "IDE-style run failed: ${out1}"
assert out1.contains('FAKE plan=null') : "the plan property should be unset: ${out1}"
assert out1.contains('SENTINEL svc-a greeting=hello-from-lib') : "services not launched from the provided plan: ${out1}"
assert plan.isFile() : 'LaunchPlanProvider did not write the plan'
def written = plan.lastModified()
Thread.sleep(1100)
def (code2, out2) = runFromIde()
assert code2 == 0 : "second IDE-style run failed: ${out2}"
assert plan.lastModified() == written : 'the cached plan should have been reused'

// apphost.compile=auto: run compiled the fresh reactor and stamped it; manifest (goal 3) found it unchanged
assert log.contains('apphost: compiling the reactor (') : 'run did not compile the fresh reactor'
assert log.contains('apphost: the reactor is compiled and unchanged since') : 'manifest compiled an unchanged reactor'
// an edited source is compiled again before the AppHost runs, and named
def source = new File(basedir, 'svc-a/src/main/java/it/a/ServiceA.java')
def compiled = new File(basedir, 'svc-a/target/classes/it/a/ServiceA.class')
def classBefore = compiled.bytes
source.text = source.text.replace('greeting=', 'greeting(edited)=')
def maven = { List<String> goals ->
    def pb = new ProcessBuilder([new File(System.getProperty('maven.home'), 'bin/mvn').path, '-B', '-o', '-s',
            ideSettings.path, "-Dmaven.repo.local=${localRepositoryPath}".toString()] + goals)
            .directory(basedir).redirectErrorStream(true)
    def p = pb.start()
    def out = p.inputStream.text
    p.waitFor()
    assert p.exitValue() == 0 : "${goals} failed: ${out}"
    out
}
def out3 = maven(['apphost:manifest'])
assert out3.contains('apphost: compiling the reactor (svc-a: src/main/java/it/a/ServiceA.java changed)') : out3
assert compiled.bytes != classBefore : 'ServiceA.class was not compiled again'
def out4 = maven(['apphost:manifest'])
assert out4.contains('apphost: the reactor is compiled and unchanged since') : out4
// compiled by an earlier task of the same command: no second compile, and the next goal knows it
source.text = source.text.replace('greeting(edited)=', 'greeting(edited twice)=')
def out5 = maven(['compile', 'apphost:manifest'])
assert out5.contains('apphost: the reactor was compiled by this build') : out5
assert !out5.contains('Forking ') : out5
def out6 = maven(['apphost:manifest'])
assert out6.contains('apphost: the reactor is compiled and unchanged since') : out6
return true
