// A real Redis container: the project gets its connection string, reaches it, and stop removes all.
def log = new File(basedir, 'build.log').text
assert log.contains('SENTINEL pinger reply=+PONG') : 'expected: log.contains(\'SENTINEL pinger reply=+PONG\')'
assert log.contains('[apphost] apphost: all resources ready') : 'expected: log.contains(\'[apphost] apphost: all resources ready\')'
assert log.contains('apphost: AppHost stopped') : 'expected: log.contains(\'apphost: AppHost stopped\')'
def pids = (log =~ /SENTINEL pinger .* pid=(\d+)/).collect { it[1] as long }
Thread.sleep(2000)
pids.each { pid -> assert !ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) : "process $pid still alive" }
return true
