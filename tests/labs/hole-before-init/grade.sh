#!/bin/sh
# Lab hole-before-init: no hypercall but LHCALL_LGUEST_INIT before the
# guest has said where its lguest_data is.
# timeout: 60
. /tests/lib.sh
load_lg
no_init() { try_snippet no_init '^dead: hypercall 2 before INIT$'; }
before() {
	guest_dies hcall-before-init '^lguest: hypercall [0-9]+ before INIT$'
}
hello() {
	run_guest 30 32 "$TESTGUEST"
	guest_passed
}
lab_check "SHUTDOWN before INIT kills the guest (no_init)" no_init
lab_check "the test guest's hcall-before-init dies for that reason" before
lab_check "INIT first still works (test=hello)" hello
lab_score hole-before-init
