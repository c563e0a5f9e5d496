package io.kubeload.model.apf;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.model.apf.ApfRequest.ServiceAccountName;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApfRequestTest {

  @Test
  void aServiceAccountUserNamesItsNamespaceAndAccountAndOtherUsersNameNone() {
    assertThat(
            ApfRequest.fromServiceAccount("monitoring", "agent", "list", "", "pods", "")
                .serviceAccount())
        .contains(new ServiceAccountName("monitoring", "agent"));
    assertThat(request("system:serviceaccount:ns:name:with:colons").serviceAccount())
        .as("the name is everything after the namespace")
        .contains(new ServiceAccountName("ns", "name:with:colons"));
    assertThat(request("system:serviceaccount:no-name").serviceAccount()).isEmpty();
    assertThat(request("system:kube-scheduler").serviceAccount()).isEmpty();
  }

  private static ApfRequest request(String user) {
    return new ApfRequest(user, Set.of(), "get", "", "pods", "default");
  }
}
