#pragma once
// A desktop AppContext on a database the test prepared, signed in as `who`: what the app's
// sign-in gives a page, without the dialog.
#include <QString>
#include <memory>

#include "core/clock.h"
#include "desktop/shell/app_context.h"

namespace vakt::test {

inline std::unique_ptr<desktop::AppContext> openAppContext(const QString& url, const Session& who, const QString& keysDir = {},
                                                           std::shared_ptr<const Clock> clock = nullptr) {
    auto ctx = std::make_unique<desktop::AppContext>();
    auto store = Store::open(url, Store::OpenMode::MustExist, std::move(clock));
    if (!store) qFatal("%s", store.message().c_str());
    ctx->store = std::move(*store);
    ctx->session = who;
    ctx->displayName = who.username;
    ctx->keysDir = keysDir;
    return ctx;
}

}  // namespace vakt::test
