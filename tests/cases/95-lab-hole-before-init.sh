#!/bin/sh
# The lab hole-before-init (tests/labs/hole-before-init/): its grader fails on the lab's
# starting point and passes with the reference solution.
# lab: hole-before-init
# timeout: 240
. /tests/lib.sh
lab_solution hole-before-init
exit 0
