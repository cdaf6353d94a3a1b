// A resource failed, then the AppHost was stopped (SIGTERM to Maven, like Ctrl+C): the build fails and names it.
def log = new File(basedir, 'build.log').text
assert log.contains('worker: cannot connect to the queue') : 'the worker did not run'
assert log.contains('Distributed application stopped.') : 'the AppHost did not stop cleanly'
assert log.contains('BUILD FAILURE') : 'expected BUILD FAILURE after a stop that followed a failed resource'
assert !log.contains('BUILD SUCCESS') : 'BUILD SUCCESS after a failed resource'
assert log.contains('was stopped after resources failed during the run: worker (Exited with code 7)') :
        'the failure message does not name the failed resource'
def outcome = new File(basedir, 'apphost/target/apphost/run-outcome.txt')
assert outcome.text.startsWith('worker\tExited with code 7') : "unexpected outcome file: ${outcome.text}"
// the reactor summary: the modules compiled in the goal's fork are not SKIPPED, the root carries the failure
assert log =~ /run-stopped-after-failure \.+ FAILURE/ : 'the root should be the FAILURE'
assert log =~ /worker \.+ SUCCESS/ : 'worker was compiled: expected SUCCESS in the summary'
assert log =~ /apphost \.+ SUCCESS/ : 'apphost was compiled: expected SUCCESS in the summary'
assert !log.contains(' SKIPPED') : 'no module of this reactor was skipped'
return true
