#!/bin/sh
# The lab hole-stack-segment (tests/labs/hole-stack-segment/): its grader fails on the lab's
# starting point and passes with the reference solution.
# lab: hole-stack-segment
# timeout: 240
. /tests/lib.sh
lab_solution hole-stack-segment
exit 0
