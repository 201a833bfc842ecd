package org.countyhealth.portal.web;

import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in, for the navigation. */
@ControllerAdvice
class ActorModel {

  private final CurrentActor currentActor;

  ActorModel(CurrentActor currentActor) {
    this.currentActor = currentActor;
  }

  @ModelAttribute("actor")
  Actor actor() {
    return currentActor.get().orElse(null);
  }
}
