#!/bin/sh
# The block device: capacity, read, write and read back, a read past the
# end, flush, get-id, an unknown request; the write must be in the file.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
make_disk
run_guest 30 --block=$disk 32 "$TESTGUEST" test=block
guest_passed block-verify
expect_match "$out" '^# block capacity 0x00000040$' "guest output"
# sector 1 holds i*7+3 for i = 0..511: bytes 03 0a 11 18 ...
got=$(dd if=$disk bs=1 skip=512 count=4 2>/dev/null | od -An -tx1 | tr -d ' ')
expect_eq "$got" "030a1118" "sector 1 in the file"
size=$(wc -c <$disk)
expect_eq "$size" 32768 "file size"
unload_lg
exit 0
