#!/bin/sh
# Lab hole-lguest-data: LHCALL_LGUEST_INIT must refuse a lguest_data
# that is not all inside guest memory.
# timeout: 60
. /tests/lib.sh
load_lg
beyond() { try_snippet init_beyond '^dead: bad guest page 0x10fff0$'; }
second() { try_snippet second_init '^dead: already have lguest_data$'; }
hello() {
	run_guest 30 32 "$TESTGUEST"
	guest_passed
	expect_match "$out" 'ok ' "the guest's checks"
}
lab_check "a lguest_data past the end of memory kills the guest (init_beyond)" beyond
lab_check "a second LGUEST_INIT still kills the guest (second_init)" second
lab_check "a good LGUEST_INIT still works (test=hello)" hello
lab_score hole-lguest-data
