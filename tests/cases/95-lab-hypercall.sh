#!/bin/sh
# The lab hypercall (tests/labs/hypercall/): its grader fails on the lab's
# starting point and passes with the reference solution.
# lab: hypercall
# timeout: 240
. /tests/lib.sh
lab_solution hypercall
exit 0
