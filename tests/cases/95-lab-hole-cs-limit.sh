#!/bin/sh
# The lab hole-cs-limit (tests/labs/hole-cs-limit/): its grader fails on the lab's
# starting point and passes with the reference solution.
# lab: hole-cs-limit
# timeout: 240
. /tests/lib.sh
lab_solution hole-cs-limit
exit 0
