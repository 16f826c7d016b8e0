package io.tagbase.automation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.web.Paging;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Coupons", description = "Coupon batches: imported or generated codes, each used once")
class CouponController {
  private final CouponService coupons;

  CouponController(CouponService coupons) {
    this.coupons = coupons;
  }

  record NewBatch(String code, String name) {}

  record Codes(List<String> codes) {}

  record Generate(Integer count, String prefix) {}

  @GetMapping("/api/v1/coupons")
  @Operation(summary = "Every coupon batch with its total and issued codes")
  List<CouponBatch> list() {
    return coupons.batches();
  }

  @PostMapping("/api/v1/coupons")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an empty coupon batch")
  CouponBatch create(@RequestBody NewBatch body, Principal principal) {
    return coupons.create(
        body == null ? null : body.code(), body == null ? null : body.name(), principal.getName());
  }

  @GetMapping("/api/v1/coupons/{code}")
  @Operation(summary = "One coupon batch")
  CouponBatch get(@PathVariable String code) {
    return coupons.batch(code);
  }

  @PostMapping("/api/v1/coupons/{code}/codes")
  @Operation(
      summary = "Import codes (all or none; a code given twice or stored already is refused)")
  CouponBatch importCodes(@PathVariable String code, @RequestBody Codes body, Principal principal) {
    return coupons.importCodes(code, body == null ? null : body.codes(), principal.getName());
  }

  @PostMapping("/api/v1/coupons/{code}/generate")
  @Operation(summary = "Generate random codes (10 characters after an optional prefix)")
  CouponBatch generate(@PathVariable String code, @RequestBody Generate body, Principal principal) {
    return coupons.generate(
        code,
        body == null || body.count() == null ? 0 : body.count(),
        body == null ? null : body.prefix(),
        principal.getName());
  }

  @GetMapping("/api/v1/coupons/{code}/issued")
  @Operation(summary = "Codes issued to customers, newest first")
  List<IssuedCoupon> issued(
      @PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
    Paging.checkLimit("limit", limit);
    return coupons.issued(code, limit);
  }
}
