package io.tagbase.automation;

import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.security.Principal;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** Coupon batches in the console: create, import or generate codes, see who got which. */
@Controller
class CouponConsoleController {
  private final CouponService coupons;

  CouponConsoleController(CouponService coupons) {
    this.coupons = coupons;
  }

  @GetMapping("/coupons")
  String list(Model model) {
    model.addAttribute("batches", coupons.batches());
    return "coupon/list";
  }

  @PostMapping("/coupons")
  String create(
      @RequestParam String code,
      @RequestParam String name,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      coupons.create(code.trim(), name, principal.getName());
    } catch (InvalidInputException | ConflictException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      return "redirect:/coupons";
    }
    return redirect(code.trim());
  }

  @GetMapping("/coupons/{code}")
  String batch(@PathVariable String code, Model model) {
    model.addAttribute("batch", coupons.batch(code));
    model.addAttribute("issued", coupons.issued(code, 200));
    return "coupon/batch";
  }

  @PostMapping("/coupons/{code}/codes")
  String importCodes(
      @PathVariable String code,
      @RequestParam String codes,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      coupons.importCodes(code, Arrays.asList(codes.split("\\R")), principal.getName());
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return redirect(code);
  }

  @PostMapping("/coupons/{code}/generate")
  String generate(
      @PathVariable String code,
      @RequestParam(defaultValue = "0") int count,
      @RequestParam(required = false) String prefix,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      coupons.generate(code, count, prefix, principal.getName());
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return redirect(code);
  }

  private static String redirect(String code) {
    return "redirect:/coupons/" + UriUtils.encodePathSegment(code, "UTF-8");
  }
}
