// No container engine: the container fails clearly, the process resource still runs, start fails
// naming the failed resource, and nothing is left running.
def log = new File(basedir, 'build.log').text
assert log.contains('SENTINEL worker running') : 'expected: log.contains(\'SENTINEL worker running\')'
assert log.contains('apphost: resources failed: cache') : 'expected: log.contains(\'apphost: resources failed: cache\')'
assert log.contains('AppHost reported resources that failed to start: cache') : 'expected: log.contains(\'AppHost reported resources that failed to start: cache\')'
assert log.toLowerCase().contains('docker') : 'expected: log.toLowerCase().contains(\'docker\')'
assert log.contains('tcp://127.0.0.1:9') : 'the message should say which engine address was tried'
def pids = (log =~ /SENTINEL worker running pid=(\d+)/).collect { it[1] as long }
Thread.sleep(2000)
pids.each { pid -> assert !ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) : "process $pid still alive" }
return true
