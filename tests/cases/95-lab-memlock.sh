#!/bin/sh
# The lab memlock (tests/labs/memlock/): its grader fails on the lab's
# starting point and passes with the reference solution.
# lab: memlock
# timeout: 400
. /tests/lib.sh
lab_solution memlock
exit 0
