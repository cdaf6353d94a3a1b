// start waits for every resource; services see the environment the app model gives them; stop ends all.
def log = new File(basedir, 'build.log').text
assert log =~ /SENTINEL backend PORT=\d+ SERVER_PORT=\d+ pid=\d+/ : 'expected: log =~ /SENTINEL backend PORT=\\d+ SERVER_PORT=\\d+ pid=\\d+/'
def frontend = (log =~ /SENTINEL frontend services__backend__http__0=(\S+) GREETING=(\S+) backendAnswered=(\S+) pid=\d+/)
assert frontend.find() : 'frontend sentinel missing'
assert frontend.group(1) ==~ /http:\/\/(localhost|127\.0\.0\.1):\d+/ : 'expected: frontend.group(1) ==~ /http:\\/\\/(localhost|127\\.0\\.0\\.1):\\d+/'
assert frontend.group(2) == 'hello' : 'expected: frontend.group(2) == \'hello\''
assert frontend.group(3) == 'true' : 'expected: frontend.group(3) == \'true\''
assert log.indexOf('SENTINEL backend') < log.indexOf('SENTINEL frontend') : 'frontend started before backend was healthy'
assert log.contains('[apphost] apphost: all resources ready') : 'expected: log.contains(\'[apphost] apphost: all resources ready\')'
assert log.contains('apphost: AppHost stopped') : 'expected: log.contains(\'apphost: AppHost stopped\')'
assert !new File(basedir, 'apphost/target/apphost/apphost.pid').exists() : 'expected: !new File(basedir, \'apphost/target/apphost/apphost.pid\').exists()'
def pids = (log =~ /SENTINEL \S+ .* pid=(\d+)/).collect { it[1] as long }
Thread.sleep(2000)
pids.each { pid -> assert !ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) : "process $pid still alive" }
return true
