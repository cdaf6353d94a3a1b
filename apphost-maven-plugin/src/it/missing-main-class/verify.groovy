// A project without main class: the build fails, saying which module and which property to set.
def log = new File(basedir, 'build.log').text
assert log.contains("No main class found in module 'lib-only'") : 'expected: log.contains("No main class found in module \'lib-only\'")'
assert log.contains('apphost.mainClass') : 'expected: log.contains(\'apphost.mainClass\')'
assert log.contains('[ERROR]') : 'expected: log.contains(\'[ERROR]\')'
assert !log.contains('apphost: all resources ready') : 'expected: !log.contains(\'apphost: all resources ready\')'
assert !new File(basedir, 'apphost/target/apphost/apphost.pid').exists() : 'expected: !new File(basedir, \'apphost/target/apphost/apphost.pid\').exists()'
return true
