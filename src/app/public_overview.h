#pragma once
// What the public start page shows: which municipalities use this deployment.
// Contains no personal data by construction.
#include <vector>

#include "domain/municipality.h"
#include "store/database.h"

namespace stafett::app {

struct PublicOverview {
  std::vector<domain::Municipality> municipalities;
};

Result<PublicOverview> load_public_overview(store::Database& db);

}  // namespace stafett::app
