#pragma once
// What every desktop module gets: the open Store and who is signed in.
#include <QString>
#include <memory>

#include "core/roles.h"
#include "core/store.h"

namespace vakt::desktop {

struct AppContext {
    std::unique_ptr<Store> store;
    Session session;
    QString displayName;
    QString keysDir;  // the audit ledger's key directory (--keys, $VAKT_KEYS)
};

// The role's name as people in the department say it.
QString roleTitle(Role role);

}  // namespace vakt::desktop
