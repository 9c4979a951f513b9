#include "cli/audit_command.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

#include "app/access_chain.h"
#include "app/content_fingerprint.h"
#include "app/chain_checkpoints.h"
#include "crypto/checkpoint_key.h"

namespace stafett::cli {
namespace {

constexpr int kIntact = 0, kBroken = 1, kCannotCheck = 2;

Result<std::unique_ptr<store::Database>> open(const Config& config) {
  store::DatabaseOptions options;
  options.max_connections = 2;
  return store::open_database(config.database_url, options);
}

std::string public_key_hex(const crypto::PublicKey& key) {
  // A public key has the same size as a chain hash; to_hex is the one
  // lower-case hex spelling the project uses.
  return crypto::to_hex(key);
}

}  // namespace

int audit_verify(const Config& config, std::ostream& out) {
  // Never create a key here: a new key would make every real checkpoint
  // look forged.
  std::error_code ec;
  if (!std::filesystem::exists(checkpoint_key_path(config).string(), ec)) {
    spdlog::error("audit verify: checkpoint key file {} not found", checkpoint_key_path(config).string());
    return kCannotCheck;
  }
  auto key = crypto::CheckpointKey::load_or_create(checkpoint_key_path(config).string());
  if (!key) {
    spdlog::error("audit verify: {}", key.error().detail);
    return kCannotCheck;
  }
  auto checkpoints = app::read_checkpoints(checkpoint_file_path(config).string());
  if (!checkpoints) {
    // A checkpoint file we cannot parse has been damaged: that is a finding,
    // not a reason to skip the checkpoints.
    out << "checkpoint file: " << checkpoints.error().detail << "\nresult: BROKEN\n";
    return kBroken;
  }
  const std::size_t checkpoint_count = checkpoints->size();
  std::uint64_t latest = 0;
  for (const auto& c : *checkpoints) latest = std::max(latest, c.sequence);

  auto db = open(config);
  if (!db) {
    spdlog::error("audit verify: {} ({})", db.error().detail, errc_name(db.error().code));
    return kCannotCheck;
  }
  auto report = app::verify_access_chain(**db, std::move(*checkpoints), key->public_key());
  if (!report) {
    spdlog::error("audit verify: {} ({})", report.error().detail, errc_name(report.error().code));
    return kCannotCheck;
  }

  auto content = app::verify_entry_content(**db);
  if (!content) {
    spdlog::error("audit verify: {} ({})", content.error().detail, errc_name(content.error().code));
    return kCannotCheck;
  }

  out << "public key: " << public_key_hex(key->public_key()) << "\n";
  out << "records checked: " << report->records_checked << "\n";
  out << "checkpoints: " << checkpoint_count;
  if (checkpoint_count == 0) out << " (none in " << checkpoint_file_path(config).string() << ": a cut-off end would go unnoticed)";
  if (checkpoint_count > 0) out << ", the latest at record " << latest;
  out << "\n";
  out << "entry versions checked against the chain: " << content->versions_checked << "\n";
  bool intact = true;
  if (report->kind == crypto::ChainBreak::kNone) {
    if (report->records_checked > latest) {
      out << "records after the latest checkpoint: " << report->records_checked - latest
          << " (protected by the chain only until the next checkpoint)\n";
    }
    out << "first break: none\n";
  } else {
    out << "first break: " << crypto::chain_break_name(report->kind) << " at record " << report->sequence << "\n";
    intact = false;
  }
  switch (content->kind) {
    case app::ContentBreak::kNone:
      out << "first content break: none\n";
      break;
    case app::ContentBreak::kChanged:
      out << "first content break: " << app::content_break_name(content->kind) << " of entry " << content->entry
          << ", recorded at record " << content->sequence << "\n";
      intact = false;
      break;
    case app::ContentBreak::kUnrecorded:
      out << "first content break: " << app::content_break_name(content->kind) << ": entry " << content->entry
          << " version " << content->version << " is in no record\n";
      intact = false;
      break;
  }
  out << (intact ? "result: intact\n" : "result: BROKEN\n");
  return intact ? kIntact : kBroken;
}

int audit_checkpoint(const Config& config, std::ostream& out) {
  auto key = crypto::CheckpointKey::load_or_create(checkpoint_key_path(config).string());
  if (!key) {
    spdlog::error("audit checkpoint: {}", key.error().detail);
    return 1;
  }
  auto db = open(config);
  if (!db) {
    spdlog::error("audit checkpoint: {} ({})", db.error().detail, errc_name(db.error().code));
    return 1;
  }
  const SystemClock clock;
  auto checkpoint = app::write_checkpoint(**db, *key, checkpoint_file_path(config).string(), clock);
  if (!checkpoint) {
    spdlog::error("audit checkpoint: {} ({})", checkpoint.error().detail, errc_name(checkpoint.error().code));
    return 1;
  }
  out << "checkpoint: record " << checkpoint->sequence << ", head " << crypto::to_hex(checkpoint->head) << "\n";
  out << "written to: " << checkpoint_file_path(config).string() << "\n";
  out << "public key: " << public_key_hex(key->public_key()) << "\n";
  return 0;
}

}  // namespace stafett::cli
