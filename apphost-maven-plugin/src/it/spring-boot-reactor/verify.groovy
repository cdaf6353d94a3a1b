// Three Spring Boot services on spring-boot-starter-parent (whose jar manifest says ${start-class}) start
// from their scanned main classes; the gateway listens on its fixed port and reaches names through greeting.
def log = new File(basedir, 'build.log').text
assert !log.contains('${start-class}') : 'a placeholder reached the launch'
assert log =~ /SENTINEL names port=\d+ pid=\d+/ : 'names did not start'
def greeting = (log =~ /SENTINEL greeting port=\d+ names=(\S+) pid=\d+/)
assert greeting.find() : 'greeting did not start'
assert greeting.group(1) ==~ /http:\/\/(localhost|127\.0\.0\.1):\d+/ : "names URL: ${greeting.group(1)}"
assert log =~ /SENTINEL gateway port=18471 pid=\d+/ : 'gateway is not on its fixed port 18471'
assert log.contains('SENTINEL gateway answered=Hello, world') : 'gateway -> greeting -> names did not answer'
assert log.contains('[apphost] apphost: all resources ready') : 'start did not see the ready line'
assert log.contains('apphost: AppHost stopped') : 'stop did not stop the AppHost'
assert log.contains('BUILD SUCCESS')
// every resource's output also went to its own file
def logs = new File(basedir, 'apphost/target/apphost/logs')
assert new File(logs, 'gateway.log').text.contains('SENTINEL gateway port=18471') : 'gateway.log'
assert new File(logs, 'names.log').text.contains('Started NamesApplication') : 'names.log'
// the plugin's argfile and the AppHost's temp folder are gone after stop
assert !new File(basedir, 'apphost/target/apphost/java-args.txt').exists() : 'java-args.txt left behind'
assert !new File(basedir, 'apphost/target/apphost/tmp').exists() : 'tmp folder left behind'
def pids = (log =~ /SENTINEL \S+ port=.* pid=(\d+)/).collect { it[1] as long }
assert pids.size() == 3 : "pids: $pids"
Thread.sleep(2000)
pids.each { pid -> assert !ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) : "process $pid still alive" }
return true
