#!/bin/sh
# A misbehaving block driver: the available index runs 41 entries ahead in a ring of 16.  The
# Launcher must say so, mark the device DEVICE_NEEDS_RESET, keep running
# (the guest resets the device and reads again) and leave the file alone.
# timeout: 60
. /tests/lib.sh
bad_block_driver bad-index \
	'^lguest: block: available index 41 is 41 ahead of 0, in a ring of 16: the device needs a reset$'
exit 0
