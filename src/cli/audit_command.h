#pragma once
// `stafett audit ...`: the operator's side of the access chain
// (app/access_chain.h, app/chain_checkpoints.h).
//
//   stafett audit verify       reads the whole chain and the checkpoint file,
//                              checks them with the checkpoint key's public
//                              key and prints a plain report. Exit 0: intact;
//                              1: broken (the report names the first break);
//                              2: could not check (no key file, no database).
//   stafett audit checkpoint   signs the chain's head now and appends it to
//                              the checkpoint file (the server will later do
//                              this on a timer).
//
// Settings: database_url, checkpoint_key_file, checkpoint_file (cli/config.h).
// Neither command migrates the database: verify may run on a copy or a
// backup, and must not change what it checks.
#include <ostream>

#include "cli/config.h"

namespace stafett::cli {

int audit_verify(const Config& config, std::ostream& out);
int audit_checkpoint(const Config& config, std::ostream& out);

}  // namespace stafett::cli
