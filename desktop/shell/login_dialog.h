#pragma once
#include <QDialog>

#include "core/roles.h"
#include "core/store.h"

class QLineEdit;
class QLabel;

namespace vakt::desktop {

// Asks for user name and password and checks them through core.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    LoginDialog(Store& store, QWidget* parent = nullptr);
    const Session& session() const { return session_; }
    void setUser(const QString& username);

private:
    void tryLogin();
    Store& store_;
    Session session_;
    QLineEdit* user_;
    QLineEdit* password_;
    QLabel* error_;
};

}  // namespace vakt::desktop
