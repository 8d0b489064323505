/* cmd_sheet.h — `httpstatus sheet`: printable handouts (see sheet.h for the formats). */
#ifndef HS_CMD_SHEET_H
#define HS_CMD_SHEET_H

#include "cli.h"
#include "data.h"

/* Run `sheet` with its words and options in o->args ([CODE|CLASS|GROUP ...],
 * --format FMT, --full, --lesson FILE). Returns the exit status, having printed any
 * message. */
int cmd_sheet(struct hs_db *db, const struct cli_opts *o);

#endif
