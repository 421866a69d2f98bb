#!/bin/sh
# Resource provider registration (kubernetes-path.md B.1): the state of a
# namespace, POST register taking it through Registering to Registered,
# and MissingSubscriptionRegistration for a PUT while it is not
# registered.  The world here leaves Microsoft.ContainerService and
# Microsoft.KubernetesConfiguration unregistered, as a new subscription may.
. "$top_srcdir/tests/sandbox/lib.sh"
SUB0=$(sed -n 's/.*"subscriptionId": "\([^"]*\)".*/\1/p' "$WORLD" | head -n 1)
sed "s|\"subscriptionId\": \"$SUB0\",|\"subscriptionId\": \"$SUB0\", \"providers\": {\"Microsoft.ContainerService\": \"NotRegistered\", \"Microsoft.KubernetesConfiguration\": \"NotRegistered\"},|" \
    "$WORLD" >"$T/world.json"
WORLD="$T/world.json" POLLS=2 sandbox_start
is "$SUB" "$SUB0" "the world's first subscription is the default one"
V=api-version=2021-04-01
P="/subscriptions/$SUB/providers"

arm GET "$P/Microsoft.MachineLearningServices?$V"
is "$STATUS/$(j .registrationState)" 200/Registered "a namespace the world does not name is registered"
is "$(j .id)" "$P/Microsoft.MachineLearningServices" "its id"
is "$(j .namespace)/$(j .registrationPolicy)" Microsoft.MachineLearningServices/RegistrationRequired "namespace and policy"
is "$(j .resourceTypes[1].resourceType)" workspaces/computes "its resource types"
arm GET "$P/microsoft.kubernetesconfiguration?$V"
is "$STATUS/$(j .registrationState)/$(j .namespace)" 200/NotRegistered/Microsoft.KubernetesConfiguration "NotRegistered, matched in any case"
arm GET "$P/Microsoft.Nothing?$V"
is "$STATUS/$(j .error.code)" 404/InvalidResourceNamespace "an unknown namespace"
arm GET "$P/Microsoft.ContainerService"
is "$STATUS/$(j .error.code)" 400/MissingApiVersionParameter "api-version required"
arm GET "$P/Microsoft.ContainerService?api-version=2014-01-01"
is "$STATUS/$(j .error.code)" 400/InvalidApiVersionParameter "an api-version Azure never published"
arm GET "$P/Microsoft.ContainerService?api-version=2016-02-01"
is "$STATUS" 200 "the oldest published one"
arm PUT "$P/Microsoft.ContainerService/register?$V"
is "$STATUS/$(j .error.code)" 405/MethodNotAllowed "register is a POST"

# A PUT under an unregistered namespace.
AKS="/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.ContainerService/managedClusters"
arm PUT "$AKS/newaks?api-version=2024-09-01" '{"location":"eastus","properties":{"dnsPrefix":"newaks","agentPoolProfiles":[{"name":"nodepool1","count":1,"vmSize":"Standard_D2_v2","mode":"System"}]}}'
is "$STATUS/$(j .error.code)/$(j .error.target)" 409/MissingSubscriptionRegistration/Microsoft.ContainerService "PUT refused while not registered"
is "$(j .error.message)" "The subscription is not registered to use namespace 'Microsoft.ContainerService'. See https://aka.ms/rps-not-found for how to register subscriptions." "ARM's words"
arm GET "$AKS?api-version=2024-09-01"
is "$STATUS" 200 "reading is not refused"

# Register: Registering, then Registered after the polls.
arm POST "$P/Microsoft.ContainerService/register?$V"
is "$STATUS/$(j .registrationState)" 200/Registering "register: Registering"
arm PUT "$AKS/newaks?api-version=2024-09-01" '{"location":"eastus"}'
is "$STATUS/$(j .error.code)" 409/MissingSubscriptionRegistration "still refused while registering"
arm GET "$P/Microsoft.ContainerService?$V"
is "$(j .registrationState)" Registering "first poll: Registering"
arm GET "$P/Microsoft.ContainerService?$V"
is "$(j .registrationState)" Registered "second poll: Registered"
arm POST "$P/Microsoft.ContainerService/register?$V"
is "$STATUS/$(j .registrationState)" 200/Registered "registering again changes nothing"
arm PUT "$AKS/newaks?api-version=2024-09-01" '{"location":"eastus"}'
tap "$([ "$(j .error.code)" != MissingSubscriptionRegistration ]; echo $?)" "a PUT after registration gets past the check"
arm GET "$P/Microsoft.KubernetesConfiguration?$V"
is "$(j .registrationState)" NotRegistered "the other namespace is untouched"

# The registration is kept with the world.
sandbox_stop
WORLD="$T/world.json" POLLS=2 sandbox_start --state "$T/state.json"
arm POST "$P/Microsoft.KubernetesConfiguration/register?$V"
arm GET "$P/Microsoft.KubernetesConfiguration?$V"
arm GET "$P/Microsoft.KubernetesConfiguration?$V"
is "$(j .registrationState)" Registered "registered"
sandbox_stop
WORLD="$T/world.json" POLLS=2 sandbox_start --state "$T/state.json"
arm GET "$P/Microsoft.KubernetesConfiguration?$V"
is "$(j .registrationState)" Registered "still registered after a restart"
done_testing
