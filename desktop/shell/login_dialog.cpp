#include "desktop/shell/login_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/user_service.h"

namespace vakt::desktop {

LoginDialog::LoginDialog(Store& store, QWidget* parent) : QDialog(parent), store_(store) {
    setWindowTitle(tr("Logg inn i Vakt"));
    setObjectName(QStringLiteral("loginDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Database: %1").arg(store.location()), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    user_ = new QLineEdit(this);
    user_->setObjectName(QStringLiteral("loginUser"));
    password_ = new QLineEdit(this);
    password_->setObjectName(QStringLiteral("loginPassword"));
    password_->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Brukernavn:"), user_);
    form->addRow(tr("Passord:"), password_);
    layout->addLayout(form);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("loginError"));
    error_->setStyleSheet(QStringLiteral("color: #b00020"));
    error_->setWordWrap(true);
    layout->addWidget(error_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Logg inn"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("loginButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Avbryt"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::tryLogin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void LoginDialog::setUser(const QString& username) {
    user_->setText(username);
    if (!username.isEmpty()) password_->setFocus();
}

void LoginDialog::tryLogin() {
    UserService users(store_);
    auto session = users.authenticate(user_->text().trimmed(), password_->text());
    password_->clear();
    if (!session) {
        error_->setText(tr("Ukjent bruker eller feil passord."));
        password_->setFocus();
        return;
    }
    session_ = *session;
    accept();
}

}  // namespace vakt::desktop
