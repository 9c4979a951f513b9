#pragma once
// Signed checkpoints of the access chain's head, kept in a text file outside
// the database: someone who can rewrite the database, even recomputing every
// hash, cannot rewrite history before a checkpoint or cut records off the
// end without verification noticing (crypto/hash_chain.h). Keep the file
// where the database's administrators cannot change it (another machine, an
// append-only log shipper); its lines are not secret.
//
// Format: one checkpoint per line, four fields separated by one space,
//   <sequence> <head: 64 hex> <at: ms since the epoch, UTC> <signature: 128 hex>
// e.g. "400 9f2c…e1 1795000000000 4be0…0c". Blank lines are ignored; any
// other line is an error. Lines are only ever appended.
//
// Thread-safety: plain functions; appends from several processes are single
// write() calls to a file opened with O_APPEND.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "crypto/checkpoint_key.h"
#include "crypto/hash_chain.h"
#include "store/database.h"

namespace stafett::app {

// One line of the file, without the newline.
std::string checkpoint_line(const crypto::Checkpoint& checkpoint);
// kInvalidInput when `line` is not exactly the format above.
Result<crypto::Checkpoint> parse_checkpoint_line(std::string_view line);

// Appends one line and flushes it to disk (fsync); creates the file (and
// its folder) when missing.
Result<void> append_checkpoint(const std::filesystem::path& file, const crypto::Checkpoint& checkpoint);

// Every checkpoint in the file, in file order; none when the file does not
// exist. kInvalidInput names the first line that is not a checkpoint.
Result<std::vector<crypto::Checkpoint>> read_checkpoints(const std::filesystem::path& file);

// Signs the chain's current head with `key` at clock.now() and appends it to
// `file`: what `stafett audit checkpoint` does, and later the server on a
// timer.
Result<crypto::Checkpoint> write_checkpoint(store::Database& db, const crypto::CheckpointKey& key,
                                            const std::filesystem::path& file, const Clock& clock);

}  // namespace stafett::app
