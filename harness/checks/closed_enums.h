// Output enums the semantics file calls closed (failure codes, layer availability, alias status):
// a value outside the model's enum there is an error, because every answer the operation can
// give is documented. Other enums stay open (a new value is output_traits_respected's warning).
#pragma once

#include <vector>

#include "harness/checks/call.h"
#include "harness/results/run_report.h"
#include "specs/semantics.h"

namespace ecrc::check {

// Whether any member of `output`, at any depth, has a closed enum shape: only those operations
// get the check.
bool ReachesClosedEnum(const spec::Semantics& semantics, const spec::Shape& output);

// output_enum_closed: one finding per member of a success response whose closed enum does not list
// its value (a non-string there is output_shape_valid's type finding, not this one's). `exchange`
// is cited.
void OutputEnumClosed(const spec::Semantics& semantics, const Call& call, size_t exchange, std::vector<results::Finding>* out);

// "output_enum_closed"'s source for `output`: the semantics entries of the closed enums it reaches.
std::string ClosedEnumSource(const spec::Semantics& semantics, const spec::Shape& output);

}  // namespace ecrc::check
