#pragma once
// The parties of the value chain: organisations, their people, agreements and vendor systems.
#include <QList>

#include "core/domain.h"
#include "core/store.h"

namespace vakt {

class OrganisationService {
public:
    explicit OrganisationService(Store& store) : store_(store) {}

    // Create or update by organisation number.
    Status saveOrganisation(const Session& who, const Organisation& org);
    // A county (fylke) as a region: two digits and a name.
    Status saveFylke(const Session& who, const QString& number, const QString& name);
    Result<QList<std::pair<QString, QString>>> fylker(const Session& who);
    Status savePerson(const Session& who, const Person& person);
    Status addAgreement(const Session& who, const Agreement& agreement);
    Status addVendorSystem(const Session& who, const VendorSystem& system);

    Result<QList<Organisation>> organisations(const Session& who, const QString& kind = {});
    // Agreements in force on the Store's date, by organisation number and catalogue key.
    Result<QList<Agreement>> agreements(const Session& who);
    Result<QList<VendorSystem>> vendorSystems(const Session& who);
    struct Counts {
        int organisations = 0, people = 0, agreements = 0, vendorSystems = 0;
    };
    Result<Counts> counts(const Session& who);

private:
    Result<qint64> organisationId(const QString& orgnr, const char* field);
    Store& store_;
};

}  // namespace vakt
