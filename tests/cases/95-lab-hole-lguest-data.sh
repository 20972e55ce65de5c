#!/bin/sh
# The lab hole-lguest-data (tests/labs/hole-lguest-data/): its grader fails on the lab's
# starting point and passes with the reference solution.
# lab: hole-lguest-data
# timeout: 240
. /tests/lib.sh
lab_solution hole-lguest-data
exit 0
