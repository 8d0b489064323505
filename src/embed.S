/* embed.S — the database built from assets/, embedded in the binary as read-only data.
 * HS_DB_PATH is given by the Makefile. src/data_open.c opens it with sqlite3_deserialize. */
    .section .rodata
    .balign 16
    .global hs_db_blob
    .global hs_db_blob_end
hs_db_blob:
    .incbin HS_DB_PATH
hs_db_blob_end:
    .byte 0
    .section .note.GNU-stack,"",@progbits
