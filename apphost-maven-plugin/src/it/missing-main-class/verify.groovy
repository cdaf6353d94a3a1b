// A project without main class: the build fails, naming the module and the property to set.
def log = new File(basedir, 'build.log').text
assert log.contains('apphost: resources failed: libonly') : 'the AppHost should report libonly as failed'
assert log.contains('AppHost reported resources that failed to start: libonly') : 'start should fail naming libonly'
def failure = log.readLines().find { it.contains('[libonly] FailedToStart') }
assert failure != null : 'no FailedToStart line for libonly'
assert failure.contains('lib-only') : "the failure should name the module: ${failure}"
assert failure.toLowerCase().contains('main class') : "the failure should say it is about the main class: ${failure}"
assert failure.contains('apphost.mainClass') : "the failure should name the property to set: ${failure}"
assert !log.contains('apphost: all resources ready') : 'nothing should be ready'
assert !new File(basedir, 'apphost/target/apphost/apphost.pid').exists() : 'pid file left behind'
return true
