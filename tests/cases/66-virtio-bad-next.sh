#!/bin/sh
# A misbehaving block driver: the next index of a descriptor points past the table.  The
# Launcher must say so, mark the device DEVICE_NEEDS_RESET, keep running
# (the guest resets the device and reads again) and leave the file alone.
# timeout: 60
. /tests/lib.sh
bad_block_driver bad-next \
	'^lguest: block: descriptor index 200 out of range: the device needs a reset$'
exit 0
