#!/bin/sh
# Lab init-range (exercise M:050): LHREQ_INITIALIZE refuses, with EFAULT,
# a guest memory range (device_limit pages from base) that is not all
# mapped in the Launcher, instead of finding out at the first touch.  The
# tool is lginit (tests/tools/lginit.c).
# timeout: 60
. /tests/lib.sh
load_lg
init() { run_ok lginit "$1"; }
hello() {
	run_guest 30 32 "$TESTGUEST"
	guest_passed
}
lab_check "a fully mapped range is accepted (lginit mapped)" init mapped
lab_check "a hole in the RAM is refused (lginit hole-ram)" init hole-ram
lab_check "a hole in the device area is refused (lginit hole-devices)" init hole-devices
lab_check "a range past the mapping's end is refused (lginit past-end)" init past-end
lab_check "the Launcher's guests still start (test=hello)" hello
lab_check "the writes of /dev/lguest still behave (lgdev)" run_ok lgdev
lab_score init-range
