/* data_private.h — what the files of the data layer share (not for the rest of the
 * program, which reads through data.h): the connection behind a struct hs_db, and the
 * error reporting of data.c, so that a query in another data_*.c file fails the same way. */
#ifndef HS_DATA_PRIVATE_H
#define HS_DATA_PRIVATE_H

#include <sqlite3.h>

#include "data.h"

/* The open connection (owned by db). */
sqlite3 *hsdb_conn_(struct hs_db *db);

/* Record rc as db's error (hsdb_error) and return the matching status. */
enum hs_status hsdb_fail_(struct hs_db *db, int rc);

#endif
