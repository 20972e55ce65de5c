#!/bin/sh
# The lab ctrl-c (tests/labs/ctrl-c/): its grader fails on the lab's
# starting point and passes with the reference solution.
# lab: ctrl-c
# timeout: 240
. /tests/lib.sh
lab_solution ctrl-c
exit 0
