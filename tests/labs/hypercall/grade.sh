#!/bin/sh
# Lab hypercall: LHCALL_GET_COUNTER (3), a hypercall of your own: ebx
# names one of the guest's counters (enum lg_stat), the answer comes back
# in eax; a number past the last counter kills the guest.  The guests are
# lgsnippet's own_hcall and own_hcall_bad (tests/tools/lgsnippet.c).
# timeout: 60
. /tests/lib.sh
load_lg
answers() { try_snippet own_hcall '^dead: CRASH: handled$'; }
refuses() { try_snippet own_hcall_bad '^dead: bad counter 1000$'; }
others() { try_snippet hypercalls '^dead: CRASH: Power down$'; }
lab_check "hypercall 3 answers with the guest's shadow faults (own_hcall)" answers
lab_check "a counter past the last one kills the guest (own_hcall_bad)" refuses
lab_check "the other hypercalls still work (hypercalls)" others
lab_score hypercall
